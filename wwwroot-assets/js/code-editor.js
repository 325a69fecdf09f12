// Script editor (Components/Shared/CodeEditor.razor) on the Monaco editor that BlazorMonaco ships.
// Load order in App.razor: _content/BlazorMonaco/jsInterop.js, this file, Monaco's loader.js; Monaco itself
// (editor.main.js) is required through the loader when the first editor appears.
// This file adds the page language to the loader configuration that jsInterop.js declares, so it must
// come after jsInterop.js and before loader.js.
//
// For end-to-end tests: opsCodeEditor.getValue(id) and opsCodeEditor.setValue(id, text), where id is
// the CodeEditor's Id (its container's id and data-testid). The container has data-editor-ready="true"
// once the editor is live.
(function () {
    'use strict';

    // Monaco's own menus and hints in the page language (English is built in).
    if (typeof require === 'object' && require !== null && /^zh/i.test(document.documentElement.lang || '')) {
        require['vs/nls'] = { availableLanguages: { '*': 'zh-cn' } };
    }

    // Blazor Server refuses messages from the browser over 32 KB; longer texts are sent as a stream.
    const inlineLimit = 16 * 1024;
    const encoder = new TextEncoder();
    const editors = new Map();
    let observedShell = null;

    function themeName() {
        const shell = document.getElementById('ops-shell');
        return shell && shell.getAttribute('data-theme') === 'dark' ? 'vs-dark' : 'vs';
    }

    // The layout marks its theme on #ops-shell; Monaco has one theme for the whole page.
    function followTheme() {
        const shell = document.getElementById('ops-shell');
        if (!shell || shell === observedShell) {
            return;
        }

        observedShell = shell;
        new MutationObserver(function () {
            if (window.monaco) {
                window.monaco.editor.setTheme(themeName());
            }
        }).observe(shell, { attributes: true, attributeFilter: ['data-theme'] });
    }

    function send(dotnetRef, version, text) {
        const call = encoder.encode(JSON.stringify(text)).length <= inlineLimit
            ? dotnetRef.invokeMethodAsync('OnEditorText', version, text)
            : dotnetRef.invokeMethodAsync('OnEditorTextStream', version, DotNet.createJSStreamReference(encoder.encode(text)));
        call.catch(function (error) {
            console.warn('Code editor: the server did not take the change.', error);
        });
    }

    function holders(editorId) {
        return window.blazorMonaco ? window.blazorMonaco.editors.filter(function (h) { return h.id === editorId; }) : [];
    }

    // Monaco itself (about 3 MB) is fetched by the AMD loader when the first editor needs it, not on every page.
    let requested = false;
    function load() {
        if (!requested && !window.monaco && typeof require === 'function') {
            requested = true;
            require(['vs/editor/editor.main'], function () { }, function (error) {
                requested = false;
                console.warn('Code editor: Monaco could not be loaded.', error);
            });
        }
    }

    // Completion words per editor (a report query's tables and columns), offered by one provider per language.
    const completionLanguages = new Set();

    function registerCompletions(language) {
        if (completionLanguages.has(language) || !window.monaco) {
            return;
        }

        completionLanguages.add(language);
        window.monaco.languages.registerCompletionItemProvider(language, {
            provideCompletionItems: function (model, position) {
                let words = [];
                editors.forEach(function (entry) {
                    if (entry.editor.getModel() === model && entry.completions) {
                        words = entry.completions;
                    }
                });
                const word = model.getWordUntilPosition(position);
                const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
                return {
                    suggestions: words.map(function (w) {
                        return { label: w.label, kind: w.kind === 'table' ? window.monaco.languages.CompletionItemKind.Struct : window.monaco.languages.CompletionItemKind.Field, detail: w.detail || '', insertText: w.label, range: range };
                    })
                };
            }
        });
    }

    window.opsCodeEditor = {
        // Loads Monaco on first use (its styles and messages arrive asynchronously); resolves with the
        // theme to start with once it is there.
        whenReady: function (timeoutMs) {
            load();
            return new Promise(function (resolve, reject) {
                const started = Date.now();
                (function poll() {
                    if (window.monaco && window.monaco.editor && window.blazorMonaco) {
                        followTheme();
                        resolve(themeName());
                    } else if (Date.now() - started > timeoutMs) {
                        reject(new Error('Monaco did not load within ' + timeoutMs + ' ms.'));
                    } else {
                        setTimeout(poll, 50);
                    }
                })();
            });
        },

        // Creates the editor in the element editorId, registered with BlazorMonaco so that its
        // blazorMonaco.editor.* functions work on it, and reports every change to dotnetRef.
        create: function (id, editorId, options, dotnetRef) {
            this.dispose(id, editorId);
            // As blazorMonaco.editor.create does, without its take-over of an older editor's text.
            const editor = window.monaco.editor.create(document.getElementById(editorId), options);
            window.blazorMonaco.editors.push({ id: editorId, editor: editor, dotnetRef: null });
            let version = 0;
            const subscription = editor.onDidChangeModelContent(function () {
                version++;
                send(dotnetRef, version, editor.getValue());
            });
            editors.set(id, { editor: editor, editorId: editorId, subscription: subscription });
            return true;
        },

        // Words the editor offers as completions: [{ label, kind: 'table' | 'column', detail }].
        setCompletions: function (id, language, items) {
            const entry = editors.get(id);
            if (entry) {
                entry.completions = items || [];
                registerCompletions(language);
            }
        },

        // Types text at the cursor, as the user would (a table or column picked from the schema).
        insert: function (id, text) {
            const entry = editors.get(id);
            if (!entry || entry.editor.getOption(window.monaco.editor.EditorOption.readOnly)) {
                return false;
            }

            const selection = entry.editor.getSelection();
            entry.editor.executeEdits('schema', [{ range: selection, text: text, forceMoveMarkers: true }]);
            entry.editor.focus();
            return true;
        },

        setLanguage: function (id, language) {
            const entry = editors.get(id);
            if (entry) {
                window.monaco.editor.setModelLanguage(entry.editor.getModel(), language);
            }
        },

        // BlazorMonaco's own dispose leaves the editor in its list, and a later editor with the same id
        // would then start with the disposed one's (empty) text.
        dispose: function (id, editorId) {
            const entry = editors.get(id);
            if (entry) {
                editors.delete(id);
                entry.subscription.dispose();
            }

            holders(editorId).forEach(function (holder) {
                const list = window.blazorMonaco.editors;
                list.splice(list.indexOf(holder), 1);
                holder.editor.dispose();
            });
        },

        // Test helpers: the text the editor holds, or null when there is no live editor with that id.
        getValue: function (id) {
            const entry = editors.get(id);
            return entry ? entry.editor.getValue() : null;
        },

        // Replaces the text as an edit would (the component raises ValueChanged); false when there is no
        // live editor with that id or it is read-only.
        setValue: function (id, text) {
            const entry = editors.get(id);
            if (!entry || entry.editor.getOption(window.monaco.editor.EditorOption.readOnly)) {
                return false;
            }

            entry.editor.setValue(text);
            return true;
        }
    };
})();
