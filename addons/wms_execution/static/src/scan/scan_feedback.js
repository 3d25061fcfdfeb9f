/** @odoo-module **/
// Sound and vibration for a scan's outcome, so the operator need not look at the screen:
// one short high beep when it is accepted, a low double buzz (and a vibration where the
// device has one) when it is refused. Tones are synthesised: no sound files to load.
import { browser } from "@web/core/browser/browser";

let context = null;

function tone(frequency, seconds, startIn = 0) {
    const AudioContext = browser.AudioContext || browser.webkitAudioContext;
    if (!AudioContext) {
        return;
    }
    try {
        context = context || new AudioContext();
        const start = context.currentTime + startIn;
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = "square";
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.08, start);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + seconds);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(start);
        oscillator.stop(start + seconds);
    } catch {
        // a browser that refuses audio (no user gesture yet) still shows the colour
    }
}

export function soundOk() {
    tone(1400, 0.09);
}

export function soundError() {
    tone(220, 0.18);
    tone(180, 0.25, 0.22);
    if (browser.navigator.vibrate) {
        browser.navigator.vibrate([150, 80, 150]);
    }
}
