/** As siasn-push-env, with SIASN_UPDATE_MODE=DELETE_THEN_SAVE (spec 04 §8.5) for the API and the worker. */
import './siasn-push-env';

process.env.SIASN_UPDATE_MODE = 'DELETE_THEN_SAVE';
