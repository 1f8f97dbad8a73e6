/** n8n's sign-in page, filled in by typing as a user does. */
import type { Owner } from '../lib/n8nServer';
import { byTestId, type Ui } from '../lib/ui';

export async function signIn(ui: Ui, n8nUrl: string, owner: Owner): Promise<void> {
	await ui.page.goto(`${n8nUrl}/signin`, { waitUntil: 'domcontentloaded', timeout: 45_000 });
	await ui.typeInto(`${byTestId('emailOrLdapLoginId')} input`, owner.email, 'the sign-in email field', { timeoutMs: 45_000 });
	await ui.typeInto(`${byTestId('password')} input`, owner.password, 'the sign-in password field');
	await ui.click(byTestId('form-submit-button'), 'the Sign in button');
	await ui.until('n8n to leave the sign-in page after signing in', () => !location.pathname.startsWith('/signin'), []);
}
