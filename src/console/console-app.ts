/** The console page's one module (dist/console/console.js): the shell and every screen. */
import './iop-console/iop-console.js';
