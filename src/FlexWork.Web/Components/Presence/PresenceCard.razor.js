// The browser's position, taken once when the person taps: never watched, never polled.
const consentKey = "flexwork.presence.consent";

export function position(timeoutMs) {
    return new Promise(resolve => {
        if (!navigator.geolocation) {
            resolve({ error: 2 });
            return;
        }
        navigator.geolocation.getCurrentPosition(
            p => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracyMeters: p.coords.accuracy }),
            e => resolve({ error: e.code }), // 1 denied, 2 unavailable, 3 timed out
            { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 0 });
    });
}

export function consent() {
    return localStorage.getItem(consentKey) === "yes";
}

export function setConsent(given) {
    if (given) {
        localStorage.setItem(consentKey, "yes");
    } else {
        localStorage.removeItem(consentKey);
    }
}
