// Session-wide rules: the CSP response header and a refusal of every permission request.
import type { Session } from 'electron';
import { contentSecurityPolicy } from './content-security-policy';
import type { RendererLocation } from './renderer-location';

export function applySessionPolicy(session: Session, location: RendererLocation): void {
  const policy = contentSecurityPolicy(location);
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = { ...details.responseHeaders };
    // Drop any policy the server sent in another letter case, so ours is the one in force.
    for (const name of Object.keys(responseHeaders)) {
      if (name.toLowerCase() === 'content-security-policy') delete responseHeaders[name];
    }
    responseHeaders['Content-Security-Policy'] = [policy];
    callback({ responseHeaders });
  });
  // A back-office client needs no camera, microphone, geolocation, notifications or HID access.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
