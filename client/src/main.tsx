// the shared stylesheet first, so each feature's own rules come after it in the cascade
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { captureTokenFromUrl } from './lib/api/token';
import { initI18n } from './lib/i18n';
import { App } from './App';

captureTokenFromUrl();
initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
