// Entry of the admin app: registers the root element; index.html places it.
import './shell/admin-app.js';
