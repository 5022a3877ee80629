/**
 * The message for a link or scenario file that cannot be opened, in the UI's language: the
 * problem (share.problem.*) with its detail (share.detail.*, share.reason.* for a refused field).
 * Only codes and numbers from the decoder reach the text; nothing is rendered as HTML.
 */
import type { TFunction } from 'i18next';
import type { LinkDetail, LinkProblem } from '../scenario/link.ts';

export function linkProblemText(t: TFunction, problem: LinkProblem, detail: LinkDetail): string {
  return t(`share.problem.${problem}`, { detail: detailText(t, detail) });
}

export function detailText(t: TFunction, d: LinkDetail): string {
  if (d.code === 'field') {
    const { code, ...values } = d.reason;
    return t('share.detail.field', { field: d.field, reason: t(`share.reason.${code}`, values) });
  }
  const { code, ...values } = d;
  return t(`share.detail.${code}`, values);
}
