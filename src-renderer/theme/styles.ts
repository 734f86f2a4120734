// Every stylesheet, in cascade order: React Flow's base, then variables, frame, widgets, areas.
import '@xyflow/react/dist/style.css';
import './theme.css';
import './layout.css';
import './buttons.css';
import './forms.css';
import './overlays.css';
import './canvas.css';
import './topbar.css';
import './sidebar.css';
import './inspector.css';
import './settings.css';
import './charts.css';
import './runs.css';
import './dialogs.css';
