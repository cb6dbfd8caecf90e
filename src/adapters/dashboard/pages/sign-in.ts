import { type Html, html } from '../html.js';
import { page } from './layout.js';

// The page a sign-in link opens: a button that spends the link. Chat apps fetch links to preview
// them; a GET that signed in would spend the link before the moderator clicked it.

export function signInPage(token: string): Html {
  return page(
    'Sign in',
    '/signin',
    undefined,
    html`<form method="post" action="/signin"><input type="hidden" name="token" value="${token}">
<p>This link signs you in to the moderators' dashboard, once.</p><button type="submit">Sign in</button></form>`,
  );
}

export function messagePage(title: string, text: string): Html {
  return page(title, '/signin', undefined, html`<p>${text}</p>`);
}
