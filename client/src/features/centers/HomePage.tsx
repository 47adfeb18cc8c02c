import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { getToken } from '../../lib/api/token';
import { SignInForm } from '../signin/SignInForm';
import { CentersPage } from './CentersPage';

/** `/`: sign-in, then the centers one may see (or back to the page that sent us here). */
export function HomePage() {
  const [token, setTokenState] = useState<string | null>(() => getToken());
  const [params] = useSearchParams();
  const next = params.get('next');
  if (!token) return <SignInForm onSignedIn={setTokenState} />;
  if (next && next.startsWith('/') && !next.startsWith('//')) return <Navigate to={next} replace />;
  return <CentersPage />;
}
