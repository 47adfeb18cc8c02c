import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SignInForm } from './SignInForm';
import { renderAt } from '../../test/render';
import { stubFetch } from '../../test/fetchStub';
import { loadAuthConfig } from '../../lib/api/authConfig';

vi.mock('./authority', () => ({ startAuthoritySignIn: vi.fn(() => Promise.resolve()) }));

const withAuthority = { local: true, authority: 'https://sso.example.com/realms/floor', clientId: 'floorwatch-pages', scope: 'openid profile' };

describe('sign-in', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers the local form only, when the server has no authority', async () => {
    const fetch = stubFetch({ 'GET /api/auth/config': { status: 200, body: { local: true, authority: null, clientId: null, scope: null } } });
    renderAt('/', '/', <SignInForm onSignedIn={() => {}} />);
    await waitFor(() => expect(fetch.sent.some((s) => s.url === '/api/auth/config')).toBe(true));
    expect(screen.queryByTestId('signin-authority')).toBeNull();
    expect(screen.getByLabelText('User name')).toBeTruthy();
  });

  it('offers the authority beside the form, and goes there with the page to come back to', async () => {
    stubFetch({ 'GET /api/auth/config': { status: 200, body: withAuthority } });
    const { startAuthoritySignIn } = await import('./authority');
    renderAt('/?next=%2Fsupervisor%2Facme', '/', <SignInForm onSignedIn={() => {}} />);
    fireEvent.click(await screen.findByTestId('signin-authority'));
    expect(screen.getByLabelText('User name')).toBeTruthy();
    await waitFor(() => expect(startAuthoritySignIn).toHaveBeenCalledWith(expect.objectContaining({ clientId: 'floorwatch-pages' }), '/supervisor/acme'));
  });

  it('drops the form when the server signs no one in itself', async () => {
    stubFetch({ 'GET /api/auth/config': { status: 200, body: { ...withAuthority, local: false } } });
    renderAt('/', '/', <SignInForm onSignedIn={() => {}} />);
    await screen.findByTestId('signin-authority');
    expect(screen.queryByLabelText('User name')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
  });

  it('takes an unreadable configuration as local sign-in only', async () => {
    stubFetch({ 'GET /api/auth/config': { status: 500, body: 'boom' } });
    expect(await loadAuthConfig()).toEqual({ local: true, authority: null, clientId: null, scope: null });
  });
});
