// The two pages of the attendance end-to-end test, bundled by esbuild at test time: the participant's
// alumni browser (with My attendance inside) and the facilitator's attendance desk from the console.
import '../../../src/elements/alumni-browser/alumni-browser.js';
import '../../../src/console/attendance/attendance-desk.js';
