/** What `require('obsidian')` returns to main.js in the e2e page. */
export { Component, Events, normalizePath, Platform, requestUrl, TAbstractFile, TFile, TFolder } from './base';
export { Plugin } from './app';
export { ButtonComponent, Menu, MenuItem, Modal, Notice, PluginSettingTab, Scope, Setting, SuggestModal } from './ui';
export { ItemView, MarkdownView, View, WorkspaceLeaf } from './workspace';
