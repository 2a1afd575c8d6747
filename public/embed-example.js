// The example host page: connects to the frame with the client, drives it
// from buttons, and logs every event. No inline script, so it runs under the
// same strict Content-Security-Policy as the app.
import { connect } from './embed.js';

const frame = document.getElementById('lesson');
const status = document.getElementById('status');
const log = document.getElementById('log');
const say = (text) => {
  const li = document.createElement('li');
  li.textContent = text;
  log.prepend(li);
  while (log.children.length > 200) log.lastChild.remove();
};

try {
  const lesson = await connect(frame);
  status.textContent = `Connected. The lesson: ${JSON.stringify(lesson.state)}`;
  for (const type of ['ready', 'stateChanged', 'stepChanged', 'focusChanged', 'resize']) {
    lesson.on(type, (e) => say(`${type} ${JSON.stringify(e)}`));
  }
  let step = 0;
  let total = 0;
  lesson.on('stepChanged', (e) => {
    step = e.step;
    total = e.total;
  });
  const actions = {
    start: () => lesson.goToStep(0),
    prev: () => lesson.goToStep(Math.max(0, step - 1)),
    next: () => lesson.goToStep(Math.min(total || Infinity, step + 1)),
    play: () => lesson.play(),
    pause: () => lesson.pause(),
    torch: () => lesson.setState({ conv: 'torch', loss: 'softmax-ce', B: '2', N: '3', T: '3', step: '0' }),
    row: () => lesson.setState({ conv: 'row', loss: 'mse', B: '2', N: '3', T: '2', step: '0' }),
    focus: () => lesson.setFocus('dW:0,0'),
    bad: () => lesson.goToStep(-1),
  };
  for (const b of document.querySelectorAll('[data-do]')) {
    b.addEventListener('click', async () => {
      try {
        const result = await actions[b.dataset.do]();
        say(`reply ${JSON.stringify(result)}`);
      } catch (err) {
        say(`refused: ${err.field}: ${err.message}`);
      }
    });
  }
} catch (err) {
  status.textContent = `Could not connect: ${err.message}`;
}
