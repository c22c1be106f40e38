import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Page } from '@sinergi/contracts/http/page';
import type { ProgrammeView } from '@sinergi/contracts/http/program';
import { api } from '../shared/api';

const STORAGE_KEY = 'sinergi.programme';

interface ProgrammeChoice {
  programmes: ProgrammeView[];
  programme?: ProgrammeView;
  choose: (id: string) => void;
  reload: () => void;
}

const ProgrammeContext = createContext<ProgrammeChoice>({ programmes: [], choose: () => undefined, reload: () => undefined });

async function allProgrammes(): Promise<ProgrammeView[]> {
  const programmes: ProgrammeView[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<ProgrammeView>>('/api/v1/programmes', { limit: 200, cursor });
    programmes.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return programmes;
}

/** The programme every page shows: the one chosen last (kept), else the latest to start. */
export function ProgrammeProvider({ children }: { children: ComponentChildren }) {
  const [programmes, setProgrammes] = useState<ProgrammeView[]>([]);
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(STORAGE_KEY));
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    allProgrammes().then(setProgrammes, () => setProgrammes([]));
  }, [generation]);
  const programme = programmes.find((candidate) => candidate.id === chosen) ?? programmes[programmes.length - 1];
  const choose = (id: string) => {
    localStorage.setItem(STORAGE_KEY, id);
    setChosen(id);
  };
  return <ProgrammeContext.Provider value={{ programmes, programme, choose, reload: () => setGeneration((value) => value + 1) }}>{children}</ProgrammeContext.Provider>;
}

export function useProgramme(): ProgrammeChoice {
  return useContext(ProgrammeContext);
}
