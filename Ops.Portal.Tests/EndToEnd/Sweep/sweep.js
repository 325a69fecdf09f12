// The portal sweep's checks, run in the page: language, contrast (WCAG AA 4.5:1) and horizontal overflow.
// Returns [{ kind, selector, text, detail }]; an empty list is a clean page.
(args) => {
    const { language, userStrings, allowedWords } = args;
    const allowed = new Set(allowedWords.map(w => w.toLowerCase()));
    const failures = [];
    const add = (kind, element, text, detail) => failures.push({ kind, selector: selectorOf(element), text: (text || '').slice(0, 120), detail: detail || '' });

    function selectorOf(element) {
        const parts = [];
        for (let e = element; e && e.nodeType === 1 && parts.length < 5; e = e.parentElement) {
            if (e.id) { parts.unshift('#' + e.id); break; }
            const classes = [...e.classList].filter(c => !c.startsWith('mud-ripple')).slice(0, 3);
            parts.unshift(e.tagName.toLowerCase() + (classes.length ? '.' + classes.join('.') : ''));
        }
        return parts.join(' > ');
    }

    function visible(element) {
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) return false;
        const style = getComputedStyle(element);
        return style.visibility !== 'hidden' && style.display !== 'none';
    }

    // Any CSS colour to [r, g, b, a] through a canvas, which understands every syntax the browser does.
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    function rgba(css) {
        const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(css);
        if (m) return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = '#000';
        context.fillStyle = css;
        context.fillRect(0, 0, 1, 1);
        const d = context.getImageData(0, 0, 1, 1).data;
        return [d[0], d[1], d[2], d[3] / 255];
    }
    const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
    const luminance = c => {
        const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

    // The colour behind an element: its own and its ancestors' backgrounds laid over each other, down to the
    // first opaque one (white below the page). null when an image or gradient is behind it: not computable.
    function background(element) {
        const layers = [];
        for (let e = element; e; e = e.parentElement) {
            const style = getComputedStyle(e);
            if (style.backgroundImage !== 'none' && !style.backgroundImage.startsWith('radial-gradient')) return null;
            const color = rgba(style.backgroundColor);
            if (color[3] > 0) layers.push(color);
            if (color[3] >= 1) break;
        }
        let result = [255, 255, 255, 1];
        for (let i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
        return result;
    }

    function opacity(element) {
        let value = 1;
        for (let e = element; e; e = e.parentElement) value *= +getComputedStyle(e).opacity;
        return value;
    }

    // Disabled controls are exempt from the contrast rule (WCAG 1.4.3); so is text nobody can see.
    const exempt = '[disabled], [aria-disabled="true"], .mud-disabled, .mud-button-disabled, .mud-input-disabled, [aria-hidden="true"]';
    // IANA zone ids (Asia/Shanghai) are identifiers, like HTTP or SQL, in every language.
    const userData = '[data-user-data], code, pre, .ops-when-zone, .ops-when-other, .ops-viewer-zone, .ops-log, .monaco-editor, .ops-code-editor, #language-switch-menu';

    function stripUserData(text) {
        // ${name}: a template placeholder is syntax, not a word.
        let rest = text.replace(/\$\{[^}]*\}/g, ' ');
        for (const s of userStrings) {
            if (rest.includes(s)) rest = rest.split(s).join(' ');
        }
        return rest;
    }

    const latinWord = /[A-Za-z][A-Za-z]+/g;
    const han = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]/;

    if (document.querySelector('#error-boundary')) add('error-boundary', document.querySelector('#error-boundary'), document.querySelector('#error-boundary').innerText);
    const blazorError = document.querySelector('#blazor-error-ui');
    if (blazorError && visible(blazorError)) add('circuit-error', blazorError, blazorError.innerText);

    const checked = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue.replace(/\s+/g, ' ').trim();
        const element = node.parentElement;
        if (!text || !element || element.closest('script, style, noscript, template, svg, title') || !visible(element)) continue;

        if (!element.closest(userData)) {
            const rest = stripUserData(text);
            if (language === 'zh-CN') {
                const words = (rest.match(latinWord) || []).filter(w => !allowed.has(w.toLowerCase()));
                if (words.length) add('english-in-zh', element, text, words.join(' '));
            } else if (han.test(rest)) {
                add('chinese-in-en', element, text);
            }
        }

        // A breadcrumb parent is drawn as "disabled" but is a label people read, not a disabled control.
        if (checked.has(element) || (element.closest(exempt) && !element.closest('.mud-breadcrumbs'))) continue;
        checked.add(element);
        const back = background(element);
        if (!back) continue;
        const fore = rgba(getComputedStyle(element).color);
        fore[3] *= opacity(element);
        const value = ratio(over(fore, back), back);
        if (value < 4.5) add('contrast', element, text, `${value.toFixed(2)}:1 (${getComputedStyle(element).color} on rgb(${back.slice(0, 3).map(Math.round).join(', ')}))`);
    }

    const root = document.scrollingElement;
    if (root.scrollWidth > root.clientWidth + 1) add('page-overflow', document.body, '', `${root.scrollWidth}px wide in ${root.clientWidth}px`);

    // A grid wider than its frame keeps its first data column and its last column (row actions) in view.
    for (const frame of document.querySelectorAll('.mud-table-container')) {
        if (!visible(frame) || frame.scrollWidth <= frame.clientWidth + 1) continue;
        const headers = [...frame.querySelectorAll('thead tr:first-child > th')].filter(visible);
        if (headers.length < 2) continue;
        const first = headers.find(th => !th.querySelector('input[type=checkbox]') && th.innerText.trim()) || headers[0];
        const last = headers[headers.length - 1];
        const inView = cell => {
            const box = frame.getBoundingClientRect();
            const rect = cell.getBoundingClientRect();
            return rect.left >= box.left - 1 && rect.right <= box.right + 1;
        };
        const keep = frame.scrollLeft;
        frame.scrollLeft = 0;
        if (!inView(last)) add('grid-cut', last, last.innerText, 'last column out of view at the start');
        frame.scrollLeft = frame.scrollWidth;
        if (!inView(first)) add('grid-cut', first, first.innerText, 'first column out of view at the end');
        frame.scrollLeft = keep;
    }

    return failures;
}
