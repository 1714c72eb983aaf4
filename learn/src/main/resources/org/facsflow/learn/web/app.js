// facsflow learn: the page. Frames go to this computer's facsflow program over a WebSocket and are dropped there;
// nothing is loaded from or sent to anywhere else (the Content-Security-Policy allows this server only).
'use strict';

const token = new URLSearchParams(location.search).get('token') || '';
const $ = id => document.getElementById(id);
const FRAME_MS = 100;            // about 10 frames a second
const grab = $('grab').getContext('2d');
let ws = null, welcome = null, stream = null, timer = null, inFlight = 0, paused = false, phase = 'consent';
let lastTyping = 0, practiceEnds = null;

function show(section) {
  for (const id of ['consent', 'test', 'practice', 'questionnaire', 'done']) $(id).hidden = id !== section;
}

function connect() {
  ws = new WebSocket(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`);
  ws.binaryType = 'arraybuffer';
  ws.onopen = () => { $('connection').textContent = ''; };
  ws.onmessage = event => handle(JSON.parse(event.data));
  ws.onclose = event => {
    stopCamera();
    $('connection').textContent = event.reason || 'The connection to facsflow closed.';
    if (phase !== 'consent' && phase !== 'done') { $('done-text').textContent = 'The connection to facsflow closed.'; show('done'); }
  };
}

function send(message) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

function handle(m) {
  switch (m.type) {
    case 'welcome': return onWelcome(m);
    case 'phase': return onPhase(m);
    case 'item': return onItem(m);
    case 'answer': return onAnswer(m);
    case 'state': return onState(m);
    case 'intervention': return onIntervention(m);
    case 'signals': inFlight = 0; $('face-status').textContent = m.face ? 'Face seen.' : 'No face seen.'; return;
    case 'frame-skipped': inFlight = 0; return;
    case 'test-item': return onTestItem(m);
    case 'error': $('feedback').textContent = m.message; return;
    case 'pause': case 'resume': return;
  }
}

function onWelcome(m) {
  welcome = m;
  const list = $('measured');
  const li = document.createElement('li');
  li.textContent = 'the intensity (0 to 5) of these facial movements: ' +
    m.aus.map(a => `${a.code} ${a.name}`).join(', ') + ',';
  list.appendChild(li);
  const tail = document.createElement('li');
  tail.textContent = 'and, from your answers, how long you take and how often you are right.';
  list.appendChild(tail);
  if (m.mode === 'pilot') {
    $('mode-text').textContent = 'This is a study of a learning program. It takes a short test (8 items), ' +
      Math.round(m.practiceSeconds / 60) + ' minutes of arithmetic practice, a second short test and 12 questions ' +
      'about the experience. Some participants get a lesson that adapts to them, others the same lesson without it.';
    $('pilot-store').textContent = ' and in the study\'s database there, under a number instead of your name';
  }
  $('consent-agree').disabled = false;
}

function onPhase(m) {
  phase = m.phase;
  $('stop').disabled = phase === 'done';
  if (phase === 'practice') {
    show('practice');
    setState('engaged');
    $('pause').disabled = false;
    if (welcome.mode === 'pilot') practiceEnds = Date.now() + welcome.practiceSeconds * 1000;
    startCamera();
  } else {
    stopCamera();
    $('pause').disabled = true;
  }
  if (phase === 'pretest' || phase === 'posttest') {
    $('test-title').textContent = phase === 'pretest' ? 'Short test before the practice' : 'Short test after the practice';
    show('test');
  }
  if (phase === 'questionnaire') { buildQuestionnaire(m); show('questionnaire'); }
  if (phase === 'done') { setState(null); show('done'); }
}

function onItem(m) {
  $('prompt').textContent = m.prompt;
  $('level').textContent = `Level ${m.level} of 5`;
  $('answer-input').value = '';
  $('answer-input').focus();
}

function onAnswer(m) {
  const f = $('feedback');
  if (m.correct) { f.textContent = 'Right!'; f.className = 'right'; }
  else if (m.revealed) { f.textContent = `Not quite. The answer was ${m.solution}. Here is a new one.`; f.className = 'wrong'; }
  else { f.textContent = 'Not quite. Try again.'; f.className = 'wrong'; }
  if (m.correct || m.revealed) $('intervention').hidden = true;
}

function setState(label) {
  const s = $('state');
  s.className = 'state' + (label ? ' ' + label : '');
  s.textContent = label ? label : 'not started';
  if (label && welcome) s.title = welcome.states[label];
}

function onState(m) {
  setState(m.state);
}

function because(rules) {
  return rules.map(id => (welcome && welcome.rules[id]) || id).join(' ');
}

function onIntervention(m) {
  if (!m.shown) return;   // the non-adaptive condition: logged, not shown
  $('intervention-message').textContent = m.message;
  $('intervention-hint').textContent = m.hint || '';
  $('intervention-why').textContent = `Why: you seemed ${m.state}. ${because(m.rules)}`;
  $('intervention').hidden = false;
  const li = document.createElement('li');
  const at = new Date().toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
  li.textContent = `${at}: ${m.kind.replace('_', ' ')} ("${m.message}") because you seemed ${m.state}: ${because(m.rules)}`;
  $('why-list').appendChild(li);
  $('why-empty').hidden = true;
}

function onTestItem(m) {
  $('test-progress').textContent = `Item ${m.index} of ${m.of}`;
  $('test-prompt').textContent = m.prompt;
  $('test-input').value = '';
  $('test-input').focus();
}

function buildQuestionnaire(m) {
  const table = $('ues-table');
  table.textContent = '';
  const head = table.insertRow();
  head.appendChild(document.createElement('th'));
  m.answers.forEach(a => { const th = document.createElement('th'); th.textContent = a; head.appendChild(th); });
  for (const item of m.items) {
    const row = table.insertRow();
    row.insertCell().textContent = item.text;
    for (let v = 1; v <= 5; v++) {
      const input = document.createElement('input');
      input.type = 'radio'; input.name = item.id; input.value = String(v);
      input.setAttribute('aria-label', `${item.text}: ${m.answers[v - 1]}`);
      row.insertCell().appendChild(input);
    }
  }
}

async function startCamera() {
  if (stream) return;
  try {
    stream = await navigator.mediaDevices.getUserMedia({video: {width: 320, height: 240, frameRate: 15}, audio: false});
  } catch (e) {
    $('feedback').textContent = 'The camera could not be started (' + e.name + '). The lesson works without it, ' +
      'but cannot adapt to you.';
    return;
  }
  $('self-view').srcObject = stream;
  const indicator = $('camera-indicator');
  indicator.className = 'camera on';
  indicator.textContent = 'Camera on';
  timer = setInterval(sendFrame, FRAME_MS);
}

function stopCamera() {
  if (timer) clearInterval(timer);
  timer = null;
  if (stream) stream.getTracks().forEach(t => t.stop());
  stream = null;
  $('self-view').srcObject = null;
  const indicator = $('camera-indicator');
  indicator.className = 'camera off';
  indicator.textContent = paused ? 'Camera off (paused)' : 'Camera off';
}

function sendFrame() {
  const video = $('self-view');
  if (practiceEnds) $('remaining').textContent = `Practice: ${Math.max(0, Math.ceil((practiceEnds - Date.now()) / 60000))} min left`;
  if (!ws || ws.readyState !== WebSocket.OPEN || paused || video.readyState < 2) return;
  if (inFlight && Date.now() - inFlight < 2000) return;   // one frame at a time: the newest, when the last is done
  inFlight = Date.now();
  grab.drawImage(video, 0, 0, 320, 240);
  $('grab').toBlob(blob => { if (blob && ws.readyState === WebSocket.OPEN) ws.send(blob); else inFlight = 0; },
    'image/jpeg', 0.7);
}

function typing() {
  if (Date.now() - lastTyping > 2000) { lastTyping = Date.now(); send({type: 'typing'}); }
}

$('consent-agree').addEventListener('click', () => { send({type: 'consent'}); $('consent-agree').disabled = true; });
$('consent-decline').addEventListener('click', () => {
  if (ws) ws.close();
  $('done-title').textContent = 'No problem';
  $('done-text').textContent = 'Nothing was measured or stored. You can close this page.';
  show('done');
});
$('answer-form').addEventListener('submit', e => {
  e.preventDefault();
  const value = $('answer-input').value.trim();
  if (value) send({type: 'answer', value});
});
$('answer-input').addEventListener('input', typing);
$('test-form').addEventListener('submit', e => {
  e.preventDefault();
  send({type: 'answer', value: $('test-input').value.trim()});
});
$('ues-form').addEventListener('submit', e => {
  e.preventDefault();
  const answers = {};
  for (const input of document.querySelectorAll('#ues-table input:checked')) answers[input.name] = Number(input.value);
  send({type: 'ues', answers});
});
$('pause').addEventListener('click', () => {
  paused = !paused;
  $('pause').textContent = paused ? 'Resume' : 'Pause';
  if (paused) { send({type: 'pause'}); stopCamera(); }
  else { send({type: 'resume'}); startCamera(); }
});
$('stop').addEventListener('click', () => send({type: 'stop'}));
$('why-button').addEventListener('click', () => { $('why').hidden = !$('why').hidden; });
$('data-button').addEventListener('click', showData);
$('data-close').addEventListener('click', () => { $('data').hidden = true; });
$('data-delete').addEventListener('click', deleteData);

async function api(method) {
  const response = await fetch('/api/data', {method, headers: {'X-Learn-Token': token}});
  return response.json();
}

async function showData() {
  const d = await api('GET');
  $('data').hidden = false;
  $('data-deleted').textContent = '';
  if (!d.session) { $('data-where').textContent = 'Nothing is stored: the lesson has not started.'; return; }
  $('data-where').textContent = 'Stored in: ' + (d.stored_in.join('; ') || 'nothing (deleted)');
  const counts = {};
  for (const r of d.records) counts[r.type] = (counts[r.type] || 0) + 1;
  $('data-counts').textContent = '';
  for (const [type, n] of Object.entries(counts)) {
    const li = document.createElement('li');
    li.textContent = `${n} × ${type}`;
    $('data-counts').appendChild(li);
  }
  $('data-records').textContent = d.records.map(r => JSON.stringify(r)).join('\n');
}

async function deleteData() {
  const d = await api('DELETE');
  stopCamera();
  $('data-deleted').textContent = 'Deleted: ' + (d.removed.join('; ') || 'nothing was stored');
  $('data-counts').textContent = '';
  $('data-records').textContent = '';
  $('done-title').textContent = 'Your data was deleted';
  $('done-text').textContent = 'Everything this session stored has been deleted, and the lesson has ended.';
  phase = 'done';
  show('done');
}

connect();
