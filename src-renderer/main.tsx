// The renderer's entry: connect to the back end, then draw the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './theme/styles';
import { getApi } from './transport';
import { setApi } from './app/api';
import { App } from './app/App';

setApi(getApi());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
