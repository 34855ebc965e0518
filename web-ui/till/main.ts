// Entry of the till app: registers the root element; index.html places it.
import './app/till-app.js';
