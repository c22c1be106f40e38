import { render } from 'preact';
import { Layout } from '../shared/layout';
import { useT } from '../shared/i18n';

const messages = {
  title: { id: 'Portal Peserta', en: 'Participant portal' },
};

function Portal() {
  const t = useT(messages);
  return (
    <Layout title={t('title')}>
      <h1>{t('title')}</h1>
    </Layout>
  );
}

render(<Portal />, document.getElementById('app') as HTMLElement);
