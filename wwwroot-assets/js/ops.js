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
