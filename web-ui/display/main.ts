// Entry of the display app: registers the root element; index.html places it.
import './display-app.js';
