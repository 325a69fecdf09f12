// Report watermark: the viewer's name, account and time tiled over a report. The tile is drawn on a canvas into a
// background image of an overlay that ignores the mouse. A MutationObserver puts the overlay back when it is
// removed, hidden or restyled in the browser's developer tools, and the server re-renders it on every refresh.
window.opsWatermark = (function () {
    const marks = new Map();

    function tile(lines) {
        const canvas = document.createElement('canvas');
        canvas.width = 320;
        canvas.height = 180;
        const g = canvas.getContext('2d');
        g.translate(160, 90);
        g.rotate(-Math.PI / 8);
        g.font = '14px sans-serif';
        g.fillStyle = 'rgba(128, 128, 128, 0.22)';
        g.textAlign = 'center';
        lines.forEach(function (line, i) { g.fillText(line, 0, (i - (lines.length - 1) / 2) * 20); });
        return canvas.toDataURL('image/png');
    }

    const style = 'position:absolute;inset:0;pointer-events:none;z-index:9;background-repeat:repeat;display:block;visibility:visible;opacity:1';

    function apply(host, state) {
        let overlay = host.querySelector(':scope > .ops-watermark');
        if (!overlay) {
            overlay = document.createElement('div');
            overlay.className = 'ops-watermark';
            host.appendChild(overlay);
        }
        overlay.setAttribute('aria-hidden', 'true');
        overlay.setAttribute('data-watermark', state.text);
        overlay.setAttribute('style', style + ';background-image:url(' + state.image + ')');
        if (getComputedStyle(host).position === 'static') {
            host.style.position = 'relative';
        }
    }

    function watch(host, state) {
        const overlay = host.querySelector(':scope > .ops-watermark');
        state.observer.observe(host, { childList: true });
        if (overlay) {
            state.observer.observe(overlay, { attributes: true });
        }
    }

    return {
        set: function (hostId, lines) {
            const host = document.getElementById(hostId);
            if (!host) { return false; }
            const previous = marks.get(hostId);
            if (previous) { previous.observer.disconnect(); }
            const state = { text: lines.join(' · '), image: tile(lines) };
            apply(host, state);
            // Only the host's own children and the overlay's attributes: the chart inside redraws freely.
            state.observer = new MutationObserver(function () {
                state.observer.disconnect();
                if (document.body.contains(host)) {
                    apply(host, state);
                    watch(host, state);
                }
            });
            watch(host, state);
            marks.set(hostId, state);
            return true;
        },
        clear: function (hostId) {
            const state = marks.get(hostId);
            if (state) { state.observer.disconnect(); marks.delete(hostId); }
        }
    };
})();
