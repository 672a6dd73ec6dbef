import { describe, expect, it } from 'vitest';
import { preApprovalAnnouncement } from './pre-approval-announcement';

describe('preApprovalAnnouncement', () => {
  it('tells how many open requests adding the app approved, in words that fit the number', () => {
    expect(preApprovalAnnouncement('DocuFlow', 'acme', 2)).toBe(
      'DocuFlow is pre-approved on acme. 2 open requests were approved.',
    );
    expect(preApprovalAnnouncement('DocuFlow', 'acme', 1)).toBe(
      'DocuFlow is pre-approved on acme. 1 open request was approved.',
    );
    expect(preApprovalAnnouncement('DocuFlow', 'acme', 0)).toBe(
      'DocuFlow is pre-approved on acme. No open request was waiting for it.',
    );
  });
});
