import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import '../../components/recovery.css';
import { applyDocumentLanguage } from '../../lib/browser-i18n';
import { App } from './app';

applyDocumentLanguage();
createRoot(document.getElementById('root')!).render(<App />);
