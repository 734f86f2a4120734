// Dev preview entry: the real app on the in-memory fake API (build with bench or by hand).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../theme/styles';
import { setApi } from '../app/api';
import { App } from '../app/App';
import { createFakeApi } from './fakeApi';

setApi(createFakeApi());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
