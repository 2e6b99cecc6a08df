import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import '../../components/recovery.css';
import '../../components/manage-settings.css';
import { applyDocumentLanguage, t } from '../../lib/browser-i18n';
import { App } from './app';

applyDocumentLanguage();
document.title = t('manage_title');
createRoot(document.getElementById('root')!).render(<App />);
