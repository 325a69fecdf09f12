// Small interop helpers of the portal, kept global so any component can call them.
window.ops = {
    // The browser's IANA time zone, for showing times when the profile names none.
    timeZone: function () {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
    },
    submitForm: function (id) {
        const form = document.getElementById(id);
        if (form) {
            form.submit();
        }
    },
    download: function (fileName, contentType, base64) {
        const link = document.createElement('a');
        link.href = 'data:' + contentType + ';base64,' + base64;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
    },
    // Resolves true once Vizor has created the chart (its init is asynchronous); false if it never appears.
    // Full screen for one element (a report); the page's own layout covers the window when the browser refuses.
    fullScreen: function (id, on) {
        const element = document.getElementById(id);
        if (on && element && element.requestFullscreen && !document.fullscreenElement) {
            return element.requestFullscreen().catch(function () { });
        }
        if (!on && document.fullscreenElement && document.exitFullscreen) {
            return document.exitFullscreen().catch(function () { });
        }
    },
    chartReady: function (id) {
        return new Promise(function (resolve) {
            const started = Date.now();
            (function look() {
                const charts = window.vizorECharts && window.vizorECharts.charts;
                if (charts && charts.has(id)) {
                    resolve(true);
                } else if (Date.now() - started > 10000 || !document.getElementById(id)) {
                    resolve(false);
                } else {
                    setTimeout(look, 30);
                }
            })();
        });
    },
    scrollToEnd: function (id) {
        const element = document.getElementById(id);
        if (element) {
            element.scrollTop = element.scrollHeight;
        }
    }
};

// Firefox starts an HTML drag only when the drag carries data: palette items of the flow editor put their job id in it.
document.addEventListener('dragstart', function (e) {
    const item = e.target && e.target.closest ? e.target.closest('[data-palette-job]') : null;
    if (item && e.dataTransfer) {
        e.dataTransfer.setData('text/plain', item.getAttribute('data-palette-job'));
        e.dataTransfer.effectAllowed = 'copy';
    }
});

// The server reads this cookie when it renders the first page of a circuit, before it can ask the browser.
(function () {
    const zone = window.ops.timeZone();
    if (zone) {
        document.cookie = 'ops-tz=' + encodeURIComponent(zone) + ';path=/;max-age=31536000;samesite=lax';
    }
})();
