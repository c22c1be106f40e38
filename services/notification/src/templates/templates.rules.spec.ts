import { LANGUAGES } from '@sinergi/contracts';
import { formatDate, isCritical, portalPageOf, renderMessage, TEMPLATE_NAMES } from './templates.rules';

const domain = 'sinergi.kemnaker.go.id';
const params = { confirmBy: '2025-05-02', rank: 3, previousStartDate: '2025-05-05', reason: 'venue', roomCode: 'R1', day: '2025-05-01', programmes: [] };
const classDetails = { moduleCode: 'KWU-DASAR', startDate: '2025-05-12', endDate: '2025-05-16', venueName: 'BBPVP Bandung', venueCity: 'Bandung' };

describe('templates', () => {
  it.each(TEMPLATE_NAMES.flatMap((template) => LANGUAGES.map((language) => [template, language] as const)))(
    '%s (%s) names the official domain and says we never ask for an OTP or NIK',
    (template, language) => {
      const { subject, text } = renderMessage(template, { language, officialDomain: domain, params, class: classDetails });
      expect(subject.length).toBeGreaterThan(10);
      expect(text).toContain(`https://${domain}`);
      expect(text).toContain(language === 'id' ? 'Kami tidak pernah meminta kode OTP atau NIK Anda' : 'We never ask for your OTP or NIK');
    },
  );

  it('writes Bahasa Indonesia and English with the class, dates and rank filled in', () => {
    const id = renderMessage('waitlisted', { language: 'id', officialDomain: domain, params, class: classDetails, recipientName: 'Siti' });
    const en = renderMessage('selected', { language: 'en', officialDomain: domain, params, class: classDetails });
    expect(id.text).toMatch(/^Yth\. Siti,/);
    expect(id.text).toContain('kelas KWU-DASAR di BBPVP Bandung, Bandung, 12 Mei 2025 s.d. 16 Mei 2025, urutan 3');
    expect(en.text).toContain('class KWU-DASAR at BBPVP Bandung, Bandung, 12 May 2025 to 16 May 2025');
    expect(en.text).toContain('confirm it by 2 May 2025');
  });

  it('says "your class" when the class is not known yet, and never prints undefined', () => {
    const { text } = renderMessage('start-reminder', { language: 'en', officialDomain: domain, params: {} });
    expect(text).toContain('Your class starts on (date to follow)');
    expect(text).not.toContain('undefined');
  });

  it('marks being selected and a class cancelled or rescheduled as critical, reminders not', () => {
    expect(['selected', 'class-cancelled', 'class-rescheduled'].every(isCritical)).toBe(true);
    expect(['confirm-by-reminder', 'start-reminder', 'waitlisted', 'enrollment-received', 'certificate-issued'].some(isCritical)).toBe(false);
  });

  it('refuses an unknown template', () => {
    expect(() => renderMessage('nope', { language: 'id', officialDomain: domain, params: {} })).toThrow('no template named nope');
  });

  it('formats dates per language', () => {
    expect(formatDate('2025-08-17', 'id')).toBe('17 Agustus 2025');
    expect(formatDate('2025-08-17', 'en')).toBe('17 August 2025');
  });

  it("links each participant's message to the portal page it is about, and staff messages to none", () => {
    const portal = 'https://sinergi.kemnaker.go.id/portal';
    const enrollmentId = '6f1c2a9e-0000-4000-8000-000000000001';
    expect(portalPageOf(portal, { recipientKind: 'participant', template: 'selected', enrollmentId })).toBe(`${portal}/enrollments/${enrollmentId}`);
    expect(portalPageOf(portal, { recipientKind: 'participant', template: 'certificate-issued', enrollmentId })).toBe(`${portal}/enrollments/${enrollmentId}`);
    expect(portalPageOf(portal, { recipientKind: 'participant', template: 'sign-in-code', enrollmentId: null })).toBeUndefined();
    expect(portalPageOf(portal, { recipientKind: 'participant', template: 'class-cancelled', enrollmentId: null })).toBe(`${portal}/`);
    expect(portalPageOf(portal, { recipientKind: 'instructor', template: 'class-scheduled', enrollmentId: null })).toBeUndefined();

    const page = `${portal}/enrollments/${enrollmentId}`;
    const certificate = { certificateNumber: 'SNG/2025/ABCDEF12/001', verificationUrl: `${portal}/verify/ABCDE12345` };
    const id = renderMessage('certificate-issued', { language: 'id', officialDomain: domain, portalPage: page, params: certificate });
    const en = renderMessage('certificate-issued', { language: 'en', officialDomain: domain, portalPage: page, params: certificate });
    expect(id.text).toContain(`dapat diperiksa di ${portal}/verify/ABCDE12345`);
    expect(id.text).toContain(`Unduh sertifikat Anda (PDF): ${page}`);
    expect(en.text).toContain(`Download your certificate (PDF): ${page}`);
    expect(renderMessage('selected', { language: 'id', officialDomain: domain, portalPage: page, params }).text).toContain(`Lihat di portal: ${page}`);
    expect(renderMessage('waitlisted', { language: 'en', officialDomain: domain, portalPage: page, params }).text).toContain(`See it on the portal: ${page}`);
    expect(renderMessage('class-scheduled', { language: 'id', officialDomain: domain, params }).text).not.toContain('portal:');
  });
});
