import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import '../../components/welcome.css';
import { applyDocumentLanguage, t } from '../../lib/browser-i18n';
import { App } from './app';

applyDocumentLanguage();
document.title = t('welcome_title');
createRoot(document.getElementById('root')!).render(<App />);
