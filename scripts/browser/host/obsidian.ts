/** What `require('obsidian')` returns to main.js in the e2e page. */
export { Component, Events, normalizePath, Platform, requestUrl, TAbstractFile, TFile, TFolder } from './base';
// The unit-test shim's Plugin: it registers into the app's maps and elements, real DOM here.
export { Plugin } from '../../../tests/shims/obsidian';
export { getAllTags } from '../../../tests/shims/vault';
// Obsidian's own rules for which click or key opens a new tab (obsidian.d.ts), as the unit tests use them.
export { Keymap } from '../../../tests/shims/ui';
export { ButtonComponent, Menu, MenuItem, Modal, Notice, PluginSettingTab, Scope, Setting, SuggestModal } from './ui';
export { ItemView, MarkdownView, View, WorkspaceLeaf } from './workspace';
export type { App, PluginManifest } from '../../../tests/shims/obsidian';
