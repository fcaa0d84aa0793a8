/**
 * Services the view models receive through their constructors: dialogs ({@link
 * dev.ofastudio.app.service.DialogService}) and background work ({@link
 * dev.ofastudio.app.service.TaskExecutor}). The Fx implementations are the only code that opens
 * choosers or touches threads; tests substitute fakes and the immediate executor.
 */
package dev.ofastudio.app.service;
