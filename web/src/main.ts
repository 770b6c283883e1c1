import { mount } from 'svelte';
import App from './App.svelte';
import { completeCognitoSignIn } from './lib/cognito';
import { config, loadConfig } from './lib/config';
import { router } from './lib/router.svelte';
import { session } from './lib/session.svelte';

async function start() {
  await loadConfig();
  if (config.auth.mode === 'cognito') {
    const signedIn = await completeCognitoSignIn(config.auth);
    if (signedIn) {
      session.signIn(signedIn.idToken);
      // The page the sign-in started from (a mail's link): the router read the hash before it was restored.
      router.go(signedIn.hash);
    }
  }
  const target = document.getElementById('app');
  if (!target) throw new Error('#app missing');
  mount(App, { target });
}

void start();
