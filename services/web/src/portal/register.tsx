import { useMemo, useState } from 'preact/hooks';
import type { FieldError } from '@sinergi/contracts/http/problem';
import type { ParticipantView, RegisterParticipantRequest } from '@sinergi/contracts/http/enrollment';
import { PROVINCES } from '@sinergi/contracts/reference/provinces';
import { api, ApiError, newIdempotencyKey } from '../shared/api';
import { useLang, useT } from '../shared/i18n';
import { signIn } from '../shared/session';
import { errorsByField, explain } from './explain';

const messages = {
  title: { id: 'Daftar sebagai peserta', en: 'Register as a participant' },
  intro: { id: 'Isi sesuai KTP Anda. Tanda * wajib diisi.', en: 'Fill in as on your KTP. Fields marked * are required.' },
  nik: { id: 'NIK (16 angka) *', en: 'NIK (16 digits) *' },
  nikHelp: { id: 'Nomor Induk Kependudukan di KTP atau Kartu Keluarga. NIK Anda disimpan terenkripsi dan tidak pernah ditampilkan utuh.', en: 'The population number on your KTP or family card. It is stored encrypted and never shown in full.' },
  fullName: { id: 'Nama lengkap *', en: 'Full name *' },
  birthDate: { id: 'Tanggal lahir *', en: 'Date of birth *' },
  gender: { id: 'Jenis kelamin *', en: 'Gender *' },
  female: { id: 'Perempuan', en: 'Female' },
  male: { id: 'Laki-laki', en: 'Male' },
  phone: { id: 'Nomor ponsel *', en: 'Mobile number *' },
  phoneHelp: { id: 'Kode masuk sekali pakai dikirim ke nomor ini.', en: 'Your one-time sign-in code is sent to this number.' },
  email: { id: 'E-mail (boleh kosong)', en: 'E-mail (optional)' },
  province: { id: 'Provinsi tempat usaha *', en: 'Province of your business *' },
  choose: { id: 'Pilih…', en: 'Choose…' },
  language: { id: 'Bahasa pesan', en: 'Language of messages' },
  scale: { id: 'Skala usaha *', en: 'Business scale *' },
  micro: { id: 'Mikro', en: 'Micro' },
  small: { id: 'Kecil', en: 'Small' },
  medium: { id: 'Menengah', en: 'Medium' },
  sector: { id: 'Bidang usaha *', en: 'Line of business *' },
  sectorHelp: { id: 'Misalnya kuliner, kerajinan, jasa.', en: 'E.g. food, crafts, services.' },
  nib: { id: 'NIB (13 angka, boleh kosong)', en: 'NIB (13 digits, optional)' },
  submit: { id: 'Daftar', en: 'Register' },
  sending: { id: 'Mengirim…', en: 'Sending…' },
  fix: { id: 'Ada isian yang perlu diperbaiki:', en: 'Some fields need fixing:' },
  done: { id: 'Pendaftaran berhasil', en: 'You are registered' },
  doneText: {
    id: 'Data Anda sedang diperiksa ke Dukcapil. Masuk dengan nomor ponsel yang Anda daftarkan untuk memilih program.',
    en: 'Your data is being checked with the civil registry. Sign in with the phone number you registered to choose a programme.',
  },
  signIn: { id: 'Masuk sekarang', en: 'Sign in now' },
  failed: { id: 'Pendaftaran gagal:', en: 'Registration failed:' },
};

type Form = { nik: string; fullName: string; birthDate: string; gender: string; phone: string; email: string; provinceCode: string; language: string; scale: string; sector: string; nib: string };

/** Where each field's broken rules are shown: the API names nested fields by their path. */
const FIELD_OF: Record<string, keyof Form> = { 'business.scale': 'scale', 'business.sector': 'sector', 'business.nib': 'nib' };

export function RegisterPage() {
  const t = useT(messages);
  const lang = useLang();
  const [form, setForm] = useState<Form>({ nik: '', fullName: '', birthDate: '', gender: '', phone: '', email: '', provinceCode: '', language: lang, scale: '', sector: '', nib: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [registered, setRegistered] = useState<ParticipantView | null>(null);
  // One key per filled-in form: pressing Register again after a lost answer does not register twice.
  const key = useMemo(() => newIdempotencyKey(), [JSON.stringify(form)]);
  const byField = useMemo(() => {
    const mapped = new Map<string, FieldError[]>();
    for (const [field, list] of errorsByField(errors)) mapped.set(FIELD_OF[field] ?? field, list);
    return mapped;
  }, [errors]);

  if (registered) {
    return (
      <section class="portal-narrow" aria-live="polite">
        <h1>{t('done')}</h1>
        <p class="notice notice-ok">{t('doneText')}</p>
        <button type="button" class="button" onClick={() => signIn('/portal/')}>
          {t('signIn')}
        </button>
      </section>
    );
  }

  const set = (name: keyof Form) => (event: Event) => setForm({ ...form, [name]: (event.currentTarget as HTMLInputElement).value });
  const submit = async (event: Event) => {
    event.preventDefault();
    setSending(true);
    setFailure(null);
    const body: RegisterParticipantRequest = {
      nik: form.nik.replace(/\s/g, ''),
      fullName: form.fullName.trim(),
      birthDate: form.birthDate,
      gender: form.gender as RegisterParticipantRequest['gender'],
      phone: form.phone.trim(),
      ...(form.email.trim() ? { email: form.email.trim() } : {}),
      provinceCode: form.provinceCode,
      language: form.language === 'en' ? 'en' : 'id',
      business: { scale: form.scale as RegisterParticipantRequest['business']['scale'], sector: form.sector.trim(), ...(form.nib.trim() ? { nib: form.nib.trim() } : {}) },
    };
    try {
      setRegistered(await api.post<ParticipantView>('/api/v1/participants', body, key));
    } catch (error) {
      const problem = error as ApiError;
      setErrors(problem.errors ?? []);
      if (!problem.errors?.length) setFailure(problem.message);
    } finally {
      setSending(false);
    }
  };

  const field = (name: keyof Form, label: string, input: (describedBy: string | undefined, invalid: boolean) => preact.JSX.Element, help?: string) => {
    const problems = byField.get(name) ?? [];
    const ids = [help ? `${name}-help` : '', problems.length ? `${name}-errors` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div class={`field${problems.length ? ' field-invalid' : ''}`}>
        <label for={name}>{label}</label>
        {input(ids, problems.length > 0)}
        {help ? (
          <p id={`${name}-help`} class="field-help">
            {help}
          </p>
        ) : null}
        {problems.length ? (
          <ul id={`${name}-errors`} class="field-errors" data-field={name}>
            {problems.map((problem) => (
              <li key={problem.rule} data-rule={problem.rule}>
                {explain(problem, lang)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  };
  const text = (name: keyof Form, attrs: Record<string, string> = {}) => (describedBy: string | undefined, invalid: boolean) => (
    <input id={name} name={name} value={form[name]} onInput={set(name)} aria-describedby={describedBy} aria-invalid={invalid} {...attrs} />
  );
  const select = (name: keyof Form, options: Array<[string, string]>, required = true) => (describedBy: string | undefined, invalid: boolean) => (
    <select id={name} name={name} value={form[name]} onChange={set(name)} aria-describedby={describedBy} aria-invalid={invalid} required={required}>
      {required ? <option value="">{t('choose')}</option> : null}
      {options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );

  return (
    <section class="portal-narrow">
      <h1>{t('title')}</h1>
      <p class="muted">{t('intro')}</p>
      {errors.length ? (
        <div class="notice notice-error" role="alert">
          {t('fix')}
          <ul>
            {errors.map((error) => (
              <li key={`${error.field}/${error.rule}`}>
                <a href={`#${FIELD_OF[error.field] ?? error.field}`}>{explain(error, lang)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {failure ? (
        <p class="notice notice-error" role="alert">
          {t('failed')} {failure}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        {field('nik', t('nik'), text('nik', { inputmode: 'numeric', autocomplete: 'off', maxlength: '20' }), t('nikHelp'))}
        {field('fullName', t('fullName'), text('fullName', { autocomplete: 'name', maxlength: '200' }))}
        {field('birthDate', t('birthDate'), text('birthDate', { type: 'date', autocomplete: 'bday' }))}
        {field('gender', t('gender'), select('gender', [['F', t('female')], ['M', t('male')]]))}
        {field('phone', t('phone'), text('phone', { type: 'tel', inputmode: 'tel', autocomplete: 'tel' }), t('phoneHelp'))}
        {field('email', t('email'), text('email', { type: 'email', autocomplete: 'email' }))}
        {field('provinceCode', t('province'), select('provinceCode', PROVINCES.map((province) => [province.code, province.name])))}
        {field('language', t('language'), select('language', [['id', 'Bahasa Indonesia'], ['en', 'English']], false))}
        {field('scale', t('scale'), select('scale', [['micro', t('micro')], ['small', t('small')], ['medium', t('medium')]]))}
        {field('sector', t('sector'), text('sector', { maxlength: '100' }), t('sectorHelp'))}
        {field('nib', t('nib'), text('nib', { inputmode: 'numeric', maxlength: '13' }))}
        <button type="submit" class="button button-wide" disabled={sending}>
          {sending ? t('sending') : t('submit')}
        </button>
      </form>
    </section>
  );
}
