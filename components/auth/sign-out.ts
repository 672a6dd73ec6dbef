import { signOutOfSession } from '@/components/api-client';

export async function signOut(callbackUrl = '/'): Promise<void> {
  // A full navigation: every cached signed-in view (react-query, server components) starts over.
  window.location.assign(await signOutOfSession(callbackUrl));
}
