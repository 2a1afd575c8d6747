// Mounts the app on the page, its lesson read from and kept in the address bar.
import { mountApp } from './ui/mount.tsx';

const root = document.getElementById('root');
if (root) mountApp(root, { search: window.location.search, link: window, keys: 'page' });
