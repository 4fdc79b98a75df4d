// Scrutiny Tracker front-end entry point.
// The build copies this file and govuk-frontend.min.js into static/build/,
// so this relative import resolves to /static/build/govuk-frontend.min.js.
import { initAll } from "./govuk-frontend.min.js";

initAll();
