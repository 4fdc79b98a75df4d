// Marks the page as having JavaScript before it is first drawn, as GOV.UK Frontend expects, so that
// components hide what they enhance without a flash. Loaded as a classic, blocking script at the top of
// <body> (not inline, which the Content-Security-Policy refuses).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
