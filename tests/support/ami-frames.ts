/** AMI events shaped as the real captures are, for a call the tests make up. */
const frame = (lines: string[]) => [...lines, '', ''].join('\r\n');

const caller = (callId: string, from: string) => [
  `Channel: Local/funeral@inbound-${callId};2`, 'ChannelState: 6', 'ChannelStateDesc: Up', `CallerIDNum: ${from}`, 'CallerIDName: Caller',
  `Uniqueid: ${callId}.1`, `Linkedid: ${callId}.0`, 'ChanVariable: IVR_INTENT=funeralcare', 'ChanVariable: MEMBER_NO=',
];
const agent = (callId: string, member: string) => [
  `DestChannel: Local/${member}@agents-${callId};1`, `DestUniqueid: ${callId}.2`, `DestLinkedid: ${callId}.0`, 'Queue: funeralcare',
  `Interface: Local/${member}@agents/n`, `MemberName: ${member}`,
];

export const agentCalled = (callId: string, from: string, member: string) =>
  frame(['Event: AgentCalled', 'Privilege: agent,all', ...caller(callId, from), ...agent(callId, member)]);
export const agentConnect = (callId: string, from: string, member: string) =>
  frame(['Event: AgentConnect', 'Privilege: agent,all', ...caller(callId, from), ...agent(callId, member), 'HoldTime: 2', 'RingTime: 1']);
export const agentComplete = (callId: string, from: string, member: string) =>
  frame(['Event: AgentComplete', 'Privilege: agent,all', ...caller(callId, from), ...agent(callId, member), 'HoldTime: 2', 'TalkTime: 40', 'Reason: caller']);
export const queueCallerAbandon = (callId: string) =>
  frame(['Event: QueueCallerAbandon', 'Privilege: agent,all', `Channel: Local/funeral@inbound-${callId};2`, `Uniqueid: ${callId}.1`, `Linkedid: ${callId}.0`, 'Queue: funeralcare', 'Position: 1', 'OriginalPosition: 1', 'HoldTime: 3']);
export const queueCallerJoin = (callId: string, from: string, queue = 'funeralcare', position = 1) =>
  frame(['Event: QueueCallerJoin', 'Privilege: agent,all', ...caller(callId, from), `Queue: ${queue}`, `Position: ${position}`, `Count: ${position}`]);
export const queueCallerLeave = (callId: string, queue = 'funeralcare') =>
  frame(['Event: QueueCallerLeave', 'Privilege: agent,all', `Channel: Local/funeral@inbound-${callId};2`, `Uniqueid: ${callId}.1`, `Linkedid: ${callId}.0`, `Queue: ${queue}`, 'Count: 0', 'Position: 1']);
