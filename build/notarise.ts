/**
 * Notarising the macOS build with Apple's notary service. Credentials come from the build
 * machine's environment (CI secrets), never from the repository. Three ways, as Apple offers them:
 * an App Store Connect API key, an Apple ID with an app-specific password, or a keychain profile.
 */
export type NotariseCredentials =
  | { appleApiKey: string; appleApiKeyId: string; appleApiIssuer: string }
  | { appleId: string; appleIdPassword: string; teamId: string }
  | { keychainProfile: string };

export type NotarisePlan = { notarise: true; credentials: NotariseCredentials } | { notarise: false; reason: string };

export function notarisePlan(env: Record<string, string | undefined>, platform: string): NotarisePlan {
  if (platform !== 'darwin') return { notarise: false, reason: 'only macOS builds are notarised' };
  if (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER)
    return { notarise: true, credentials: { appleApiKey: env.APPLE_API_KEY, appleApiKeyId: env.APPLE_API_KEY_ID, appleApiIssuer: env.APPLE_API_ISSUER } };
  if (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID)
    return { notarise: true, credentials: { appleId: env.APPLE_ID, appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD, teamId: env.APPLE_TEAM_ID } };
  if (env.APPLE_KEYCHAIN_PROFILE) return { notarise: true, credentials: { keychainProfile: env.APPLE_KEYCHAIN_PROFILE } };
  return {
    notarise: false,
    reason:
      'no notarisation credentials in the environment (APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER, or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or APPLE_KEYCHAIN_PROFILE); Gatekeeper will warn on other Macs',
  };
}

/** electron-builder's afterSign hook. A release build (RAPPORT_RELEASE=1) without credentials fails. */
export async function notariseRapport(context: { electronPlatformName: string; appOutDir: string; packager: { appInfo: { productFilename: string } } }): Promise<void> {
  const plan = notarisePlan(process.env, context.electronPlatformName);
  if (!plan.notarise) {
    if (context.electronPlatformName === 'darwin' && process.env.RAPPORT_RELEASE === '1') throw new Error(`Cannot notarise: ${plan.reason}`);
    console.log(`[package] not notarising: ${plan.reason}`);
    return;
  }
  const { notarize } = await import('@electron/notarize');
  const appPath = `${context.appOutDir}/${context.packager.appInfo.productFilename}.app`;
  await notarize({ tool: 'notarytool', appPath, ...plan.credentials });
  console.log(`[package] notarised ${appPath}`);
}
