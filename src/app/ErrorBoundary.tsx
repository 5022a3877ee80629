import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface State {
  error: Error | null;
}

/**
 * Keeps a failure in one area (the editor, a panel) from blanking the whole app: the area
 * shows a plain message with what went wrong and a retry button, never a stack trace.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div className="failure" role="alert">
            <h2>{t('failure.title')}</h2>
            <p>{t('failure.detail', { message: error.message })}</p>
            <button type="button" onClick={() => this.setState({ error: null })}>
              {t('failure.retry')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
