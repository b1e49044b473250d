/**
 * The `obsidian` module's plain parts for the e2e page. Events, components and files are the
 * unit-test shim's own (tests/shims/base.ts: nothing there touches the DOM but through the
 * element's own methods), so the page and the unit tests share one implementation of them.
 */
export { Component, Events, normalizePath, shimState, TAbstractFile, TFile, TFolder, type EventRef } from '../../../tests/shims/base';

export const Platform = { isDesktop: true, isDesktopApp: true, isMobile: false, isMobileApp: false, isMacOS: false, isWin: false, isLinux: true };

/** The page is offline by design: the plugin must not download anything here. */
export function requestUrl(request: { url: string } | string): Promise<never> {
	const url = typeof request === 'string' ? request : request.url;
	return Promise.reject(new Error(`requestUrl is disabled in the e2e host (asked for ${url})`));
}
