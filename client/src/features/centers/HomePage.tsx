import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { agentOnly } from '../../lib/api/roles';
import { getToken, tokenRoles } from '../../lib/api/token';
import { SignInForm } from '../signin/SignInForm';
import { CentersPage } from './CentersPage';

/** `/`: sign-in, then the centers one may see (or back to the page that sent us here); an agent goes to their own page. */
export function HomePage() {
  const [token, setTokenState] = useState<string | null>(() => getToken());
  const [params] = useSearchParams();
  const next = params.get('next');
  if (!token) return <SignInForm onSignedIn={setTokenState} />;
  if (next && next.startsWith('/') && !next.startsWith('//')) return <Navigate to={next} replace />;
  if (agentOnly(tokenRoles(token))) return <Navigate to="/agent" replace />;
  return <CentersPage />;
}
