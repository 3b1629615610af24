import { requireScenario } from '/work/main/src/scenario/files';
import { playGame } from '/work/main/src/ai/runner';
import { STRATEGIES } from '/work/main/src/ai/strategies';
import { whyNot, createGame, applyMove, allMoves } from '/work/main/src/engine';
import { settledPhase } from '/work/main/src/engine/game-machine';
import { produce } from '/work/main/node_modules/immer/dist/cjs/index.js';
const s = requireScenario('/work/main/scenarios/reset-2009.yaml');
const g = playGame(s, 3, {us: STRATEGIES.reciprocator, ru: STRATEGIES.random});
const moves = allMoves(g.state);
// collect states
const states=[]; let st=createGame(s,3); for (const m of moves){ states.push(st); st=applyMove(s,st,m).state; }
const N=20;
let t0=performance.now(); for(let k=0;k<N;k++) for(let i=0;i<moves.length;i++) whyNot(s,states[i],moves[i]); console.log('whyNot', ((performance.now()-t0)*1000/(N*moves.length)).toFixed(1),'us');
t0=performance.now(); for(let k=0;k<N;k++) for(let i=0;i<moves.length;i++) settledPhase(states[i]); console.log('settledPhase', ((performance.now()-t0)*1000/(N*moves.length)).toFixed(1),'us');
t0=performance.now(); for(let k=0;k<N;k++) for(let i=0;i<moves.length;i++) produce(states[i], d=>{d.meters.escalation+=1; d.history[d.history.length-1].ledger.push({turn:1,meter:'x',delta:1,value:1,cause:'x'})}); console.log('trivial produce', ((performance.now()-t0)*1000/(N*moves.length)).toFixed(1),'us');
t0=performance.now(); for(let k=0;k<N;k++) for(let i=0;i<moves.length;i++) applyMove(s,states[i],moves[i]); console.log('applyMove', ((performance.now()-t0)*1000/(N*moves.length)).toFixed(1),'us');
t0=performance.now(); for(let k=0;k<N*10;k++) createGame(s,k); console.log('createGame', ((performance.now()-t0)*1000/(N*10)).toFixed(1),'us');
{ const small = produce({a:{b:1},c:[1,2,3]}, d=>{}); let t0=performance.now(); for(let k=0;k<100000;k++) produce(small, d=>{d.a.b=k}); console.log('small produce', ((performance.now()-t0)*1000/100000).toFixed(2),'us'); }
{ let t0=performance.now(); for(let k=0;k<N;k++) for(let i=0;i<moves.length;i++) produce(states[i], d=>{d.meters.escalation+=1;}); console.log('meters-only produce', ((performance.now()-t0)*1000/(N*moves.length)).toFixed(1),'us'); }
{ let t0=performance.now(); for(let k=0;k<N;k++) for(let i=0;i<moves.length;i++) produce(states[i], d=>{d.turn+=1;}); console.log('top-level produce', ((performance.now()-t0)*1000/(N*moves.length)).toFixed(1),'us'); }
const e={turn:1,meter:'x',delta:1,value:1,cause:'x'};
{ let t0=performance.now(); for(let k=0;k<N;k++) for(let i=0;i<moves.length;i++) produce(states[i], d=>{d.firedEvents.push('x');}); console.log('firedEvents push', ((performance.now()-t0)*1000/(N*moves.length)).toFixed(1),'us'); }
{ let t0=performance.now(); for(let k=0;k<N;k++) for(let i=0;i<moves.length;i++) produce(states[i], d=>{const h=d.history; h[h.length-1].turn=5}); console.log('history last touch', ((performance.now()-t0)*1000/(N*moves.length)).toFixed(1),'us'); }
{ let t0=performance.now(); for(let k=0;k<N;k++) for(let i=0;i<moves.length;i++) produce(states[i], d=>{const h=d.history; h[h.length-1].ledger.push(e)}); console.log('ledger push', ((performance.now()-t0)*1000/(N*moves.length)).toFixed(1),'us'); }
{ let t0=performance.now(); for(let k=0;k<N;k++) for(let i=0;i<moves.length;i++) produce(states[i], d=>{const h=d.history; const l=h[h.length-1].ledger; l[l.length]=e}); console.log('ledger index set', ((performance.now()-t0)*1000/(N*moves.length)).toFixed(1),'us'); }
console.log('history len', states[states.length-1].history.length, 'ledger len last', states[states.length-1].history.at(-1).ledger.length);
