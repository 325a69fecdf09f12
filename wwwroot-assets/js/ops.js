// Small interop helpers of the portal, kept global so any component can call them.
window.ops = {
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
