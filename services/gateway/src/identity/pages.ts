/** The sign-in pages: server-rendered, Bahasa Indonesia with English beneath, nothing loaded from elsewhere. */

const STYLE = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}label{display:block;margin-top:.8rem}
input{width:100%;padding:.5rem;box-sizing:border-box}button{margin-top:1rem;padding:.5rem 1rem}
.en{color:#555;font-size:.9em}.error{color:#a00;border:1px solid #a00;padding:.5rem}`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

function both(id: string, en: string): string {
  return `${escapeHtml(id)} <span class="en">/ ${escapeHtml(en)}</span>`;
}

function errorBox(error?: { id: string; en: string }): string {
  return error ? `<p class="error" role="alert">${both(error.id, error.en)}</p>` : '';
}

export interface SignInPageOptions {
  action: string;
  csrfToken: string;
  error?: { id: string; en: string };
  participantAvailable: boolean;
}

export function signInPage({ action, csrfToken, error, participantAvailable }: SignInPageOptions): string {
  const csrf = `<input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}">`;
  const participant = participantAvailable
    ? `<form method="post" action="${escapeHtml(action)}/participant">${csrf}
<label for="identifier">${both('Nomor ponsel atau e-mail terdaftar', 'Registered phone number or e-mail')}</label>
<input id="identifier" name="identifier" autocomplete="username" required maxlength="254">
<button type="submit">${both('Kirim kode', 'Send code')}</button></form>`
    : `<p>${both('Masuk peserta belum tersedia.', 'Participant sign-in is not available.')}</p>`;
  return page(
    'Masuk Sinergi / Sign in',
    `<h1>${both('Masuk ke Sinergi', 'Sign in to Sinergi')}</h1>${errorBox(error)}
<h2>${both('Petugas', 'Staff')}</h2>
<form method="post" action="${escapeHtml(action)}/login">${csrf}
<label for="username">${both('Nama pengguna', 'Username')}</label>
<input id="username" name="username" autocomplete="username" required maxlength="64">
<label for="password">${both('Kata sandi', 'Password')}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
<button type="submit">${both('Masuk', 'Sign in')}</button></form>
<h2>${both('Peserta', 'Participant')}</h2>${participant}`,
  );
}

export function participantCodePage(options: { action: string; csrfToken: string; identifier: string; error?: { id: string; en: string } }): string {
  return page(
    'Kode masuk / Sign-in code',
    `<h1>${both('Masukkan kode', 'Enter the code')}</h1>${errorBox(options.error)}
<p>${both('Jika nomor atau e-mail itu terdaftar, kode telah dikirim ke sana.', 'If that number or e-mail is registered, a code has been sent to it.')}</p>
<form method="post" action="${escapeHtml(options.action)}/participant/code">
<input type="hidden" name="csrf" value="${escapeHtml(options.csrfToken)}">
<input type="hidden" name="identifier" value="${escapeHtml(options.identifier)}">
<label for="code">${both('Kode', 'Code')}</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="12">
<button type="submit">${both('Masuk', 'Sign in')}</button></form>`,
  );
}

/** The provider's end-session confirmation: one button ends the provider's session too. */
export function logoutPage(form: string): string {
  return page(
    'Keluar / Sign out',
    `<h1>${both('Keluar dari Sinergi', 'Sign out of Sinergi')}</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">${both('Keluar', 'Sign out')}</button>`,
  );
}

export function signedOutPage(problem?: string): string {
  return page(
    'Sinergi',
    problem
      ? `<h1>${both('Terjadi kesalahan', 'Something went wrong')}</h1><p class="error">${escapeHtml(problem)}</p><p><a href="/auth/login">${both('Masuk lagi', 'Sign in again')}</a></p>`
      : `<h1>${both('Anda telah keluar', 'You have signed out')}</h1><p><a href="/auth/login">${both('Masuk lagi', 'Sign in again')}</a></p>`,
  );
}
