/** As siasn-push-env, with SIASN_UPDATE_MODE=MANUAL (spec 04 §8.5): a person updates SIASN, the engine does not. */
import './siasn-push-env';

process.env.SIASN_UPDATE_MODE = 'MANUAL';
