/** The extension in a queue member's name or interface: "1001", "PJSIP/1001", "Local/1001@agents/n". */
export function extensionOf(member: string): string | null {
  const m = /(?:^|\/)(\d{2,8})(?:@|\/|$)/.exec(member) ?? /^(\d{2,8})$/.exec(member);
  return m ? m[1]! : null;
}
