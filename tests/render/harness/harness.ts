/** Mounts the board on the fixture state (renderer development and screenshots). */
import '../../../src/client/styles.css';
import { presentBoard } from '../../../src/client/present-board';
import { mountBoard } from '../../../src/render/mount-board';
import { fixtureState } from '../../client/fixture-state';

const params = new URLSearchParams(location.search);
const G = fixtureState();
const view = presentBoard(G, {
  seat: 'nato',
  legalTargets: (params.get('targets') ?? 'south-china-sea,taiwan-strait,east-china-sea').split(','),
  selected: params.get('selected'),
  projector: params.has('projector'),
});
await document.fonts.load('700 16px Inter');
await mountBoard(document.getElementById('board')!, view, {
  intents: { spaceClicked: (id) => console.log('click', id), spaceHovered: (id) => console.log('hover', id) },
  onDrawn: () => ((window as unknown as { boardDrawn: boolean }).boardDrawn = true),
});
