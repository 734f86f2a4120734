// The renderer's entry: connect to the back end, then draw the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './theme/theme.css';
import './theme/layout.css';
import './theme/components.css';
import './theme/canvas.css';
import './theme/panels.css';
import { getApi } from './transport';
import { setApi } from './app/api';
import { App } from './app/App';

setApi(getApi());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
